/** What an element is made of: other nodes, text, or nothing where a part is left out. */
export type Child = Node | string | null | undefined | false;

/** An element with its attributes (an undefined one is left out) and children: the first paint's one way to make DOM. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined>,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}
