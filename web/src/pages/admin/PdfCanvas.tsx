import { useEffect, useRef, useState } from 'react';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useTranslate } from '../../i18n/useTranslate';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * The first page of a PDF drawn on a canvas with pdf.js (the same in every browser, headless ones too), with its text beside it for
 * people who cannot see the drawing. This module is loaded only by the pages that show a PDF.
 */
export default function PdfCanvas({ pdf, label }: { pdf: ArrayBuffer; label: string }) {
  const t = useTranslate();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    // pdf.js takes ownership of the bytes it is given; a copy keeps the caller's buffer usable.
    const task = pdfjs.getDocument({ data: new Uint8Array(pdf.slice(0)), isEvalSupported: false });
    void (async () => {
      try {
        const document = await task.promise;
        const page = await document.getPage(1);
        const target = canvas.current;
        if (cancelled || !target) return;
        const width = target.parentElement?.clientWidth ?? 800;
        const unscaled = page.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        target.style.width = `${Math.floor(viewport.width / ratio)}px`;
        await page.render({ canvas: target, viewport }).promise;
        const content = await page.getTextContent();
        if (!cancelled) {
          setText(
            content.items
              .map((item) => ('str' in item ? item.str : ''))
              .filter(Boolean)
              .join(' '),
          );
          setFailed(false);
        }
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [pdf]);

  return (
    <figure className="pdf">
      {/* pdf.js draws glyph by glyph; a canvas inherits the page's direction, and right to left would align each glyph's end
          where its start belongs. A PDF page is a picture, always drawn left to right. */}
      <canvas ref={canvas} role="img" aria-label={label} dir="ltr" />
      {failed && (
        <p className="alert alert-danger" role="alert">
          {t('pdf.failed')}
        </p>
      )}
      <figcaption>
        <details>
          <summary>{t('pdf.text')}</summary>
          <p>{text}</p>
        </details>
      </figcaption>
    </figure>
  );
}
