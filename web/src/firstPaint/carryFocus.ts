const focusable = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * Keeps focus on the same control when React replaces the drawn page: someone who tabbed into it before React arrived
 * would otherwise be thrown back to the top of the page. React draws the same markup (a browser test compares the two),
 * so the control at the same place among the focusable ones is the same control.
 */
export function carryFocus(root: HTMLElement): void {
  const controls = () => [...root.querySelectorAll<HTMLElement>(focusable)];
  let drawn = controls();
  let focused: HTMLElement | null = null;
  const remember = (event: FocusEvent) => {
    focused = event.target instanceof HTMLElement ? event.target : null;
  };
  root.addEventListener('focusin', remember);
  const observer = new MutationObserver(() => {
    // Still the drawn page, completed since (the top bar filled in): count its controls again.
    if (drawn.some((element) => element.isConnected)) {
      drawn = controls();
      return;
    }
    observer.disconnect();
    root.removeEventListener('focusin', remember);
    const at = focused ? drawn.indexOf(focused) : -1;
    const focusNow = document.activeElement;
    // Only where focus was lost with the drawn page; a person who has moved on since keeps their place.
    if (at < 0 || (focusNow && focusNow !== document.body)) return;
    root.querySelectorAll<HTMLElement>(focusable)[at]?.focus();
  });
  observer.observe(root, { childList: true, subtree: true });
}
