import { createHash } from 'node:crypto';
import { build, parseAst, type Plugin, type Rollup } from 'vite';

// Vite does not export the bundle's types; they are what its generateBundle hook is given.
type OutputBundle = Parameters<Extract<NonNullable<Plugin['generateBundle']>, (...args: never[]) => unknown>>[1];
type OutputChunk = Extract<OutputBundle[string], { type: 'chunk' }>;
type OutputAsset = Extract<OutputBundle[string], { type: 'asset' }>;

/**
 * The file written beside the built app with the hashes of what index.html holds inline, for the hosts that serve it to
 * allow exactly that in their Content-Security-Policy (the dev host, and deploy/write-deploy-config.mjs).
 */
const inlineHashesFile = 'csp-hashes.json';

/**
 * The script index.html runs first, built on its own: it sends the page's first reads while the start-up script is
 * still being compiled (src/firstPaint/earlyReads.ts).
 */
const earlyEntry = 'src/firstPaint/earlyReads.ts';

/** Where the inline start-up leaves what the other chunks import from it. */
const handOver = 'Symbol.for("certifications.start")';

/**
 * Puts the start-up script and the stylesheet inside index.html instead of linking them. A first load then fetches no
 * file before the page's reads go out: on new connections each file took 40 to 100 ms to arrive, longer than the reads
 * themselves (docs/performance.md). The rest of the app stays in hashed files, cached for good.
 *
 * The start-up is a classic script where Vite put the entry's tag, ahead of the stylesheet, so it runs as soon as the
 * parser reaches it. A module script waits for the whole page to be parsed, the stylesheet included: its reads left 10
 * to 20 ms after those of a page that starts them at once.
 *
 * The other chunks import the code they share with the start-up from the entry's file. That file becomes a small module
 * that passes on what the inline start-up exported, so they get the very same functions, classes and objects, and the
 * start-up does not run twice.
 */
export function inlineStart(): Plugin {
  let base = '/';
  let root = '.';
  return {
    name: 'certifications:inline-start',
    apply: 'build',
    enforce: 'post',
    // One stylesheet for the whole app, linked from index.html only: split per chunk, the entry's stylesheet would be
    // listed among the files every later page preloads, and that file is now inside index.html.
    config: () => ({ build: { cssCodeSplit: false } }),
    configResolved(config) {
      base = config.base;
      root = config.root;
    },
    generateBundle: {
      // Last: after Vite has written index.html's tags and filled in the entry's preload lists.
      order: 'post',
      async handler(_options, bundle) {
        const page = asset(bundle, 'index.html');
        const entry = Object.values(bundle).find((file): file is OutputChunk => file.type === 'chunk' && file.isEntry);
        if (!entry) throw new Error('inline-start: the build has no entry chunk.');

        const { code, exported } = handingOverExports(absoluteImports(entry, base));
        const early = rawText(await earlyScript(root), 'script');
        const script = rawText(classicScript(code), 'script');
        let html = replaceOnce(
          String(page.source),
          `<script type="module" crossorigin src="${base}${entry.fileName}"></script>`,
          `<script>${early}</script><script>${script}</script>`,
        );
        if (exported.length > 0) {
          entry.code = `export const { ${exported.join(', ')} } = globalThis[${handOver}];\n`;
        } else {
          delete bundle[entry.fileName];
        }

        const styles: string[] = [];
        for (const [tag, name] of html.matchAll(new RegExp(`<link rel="stylesheet" crossorigin href="${base}([^"]+\\.css)">`, 'g'))) {
          const css = rawText(String(asset(bundle, name!).source), 'style');
          if (/url\(\s*['"]?(?!data:|\/|https?:)/i.test(css)) {
            throw new Error(`inline-start: ${name} names a file relative to itself, which inside index.html would mean the page.`);
          }
          html = replaceOnce(html, tag, `<style>${css}</style>`);
          styles.push(css);
          delete bundle[name!];
        }
        if (styles.length === 0) throw new Error('inline-start: index.html links no stylesheet to put inside it.');

        page.source = html;
        this.emitFile({
          type: 'asset',
          fileName: inlineHashesFile,
          source: JSON.stringify({ 'script-src': [hashOf(early), hashOf(script)], 'style-src': styles.map(hashOf) }, null, 2) + '\n',
        });
      },
    },
  };
}

/** The early script as one classic script of its own, with everything it imports inside it. */
async function earlyScript(root: string): Promise<string> {
  const built = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: earlyEntry, formats: ['iife'], name: 'certificationsEarlyReads' },
    },
  });
  const outputs = (Array.isArray(built) ? built : [built]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((file) => file.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`inline-start: ${earlyEntry} should build into one script, not ${chunks.length}.`);
  return chunks[0]!.code.trim();
}

function asset(bundle: OutputBundle, fileName: string): OutputAsset {
  const file = bundle[fileName];
  if (file?.type !== 'asset') throw new Error(`inline-start: the build has no ${fileName}.`);
  return file;
}

/**
 * The entry's code with its imports of other chunks named from the site's root: "./start-x.js" means the file beside the
 * entry while it is a file, but inside index.html it would mean a file beside whatever page was opened.
 */
function absoluteImports(entry: OutputChunk, base: string): string {
  if (entry.imports.length > 0) {
    throw new Error(`inline-start: the entry imports ${entry.imports.join(', ')} at start, so the page would wait for files again.`);
  }
  let code = entry.code;
  const folder = entry.fileName.slice(0, entry.fileName.lastIndexOf('/') + 1);
  for (const imported of entry.dynamicImports) {
    const relative = `./${imported.slice(folder.length)}`;
    if (!imported.startsWith(folder) || !code.includes(relative)) {
      throw new Error(`inline-start: the entry imports ${imported}, but not as ${relative}.`);
    }
    code = code.split(relative).join(`${base}${imported}`);
  }
  return code;
}

/**
 * An inline script cannot be imported, so its export statement becomes an object of the same bindings left on the global
 * object at the end of its first run. Every exported binding has its value by then (the bundle assigns them all at the
 * top level), and no chunk loads before: the start-up imports them only after awaiting its settings.
 */
function handingOverExports(code: string): { code: string; exported: string[] } {
  const exports = parseAst(code).body.filter((node) => node.type.startsWith('Export'));
  if (exports.length === 0) return { code, exported: [] };
  const [statement] = exports;
  if (exports.length > 1 || statement?.type !== 'ExportNamedDeclaration' || statement.declaration || statement.source) {
    throw new Error('inline-start: the entry should end with one `export { local as name, … }`.');
  }
  const pairs = statement.specifiers.map((specifier) => {
    if (specifier.local.type !== 'Identifier' || specifier.exported.type !== 'Identifier') {
      throw new Error('inline-start: the entry exports a binding under a name that is not an identifier.');
    }
    return { local: specifier.local.name, name: specifier.exported.name };
  });
  const handed = `globalThis[${handOver}]={${pairs.map((p) => `${p.name}:${p.local}`).join(',')}};`;
  return {
    code: code.slice(0, statement.start) + code.slice(statement.end) + handed,
    exported: pairs.map((p) => p.name),
  };
}

/** What stands for `import.meta` in the classic script. */
const importMeta = '__certificationsImportMeta';

/**
 * The module's code as a classic script: in a function of its own, so its top-level names stay off the global object,
 * and strict, as a module is. An inline module's `import.meta.url` is the page's base URL (Vite's preload helper
 * resolves files against it), so that is what stands for it; a classic script cannot name `import.meta` at all.
 */
function classicScript(code: string): string {
  if (code.includes(importMeta)) throw new Error(`inline-start: the entry already names ${importMeta}.`);
  const metas: { start: number; end: number }[] = [];
  visit(parseAst(code), (node) => {
    if (node.type === 'MetaProperty') metas.push(node);
  });
  let body = code;
  for (const meta of metas.reverse()) {
    body = body.slice(0, meta.start) + importMeta + body.slice(meta.end);
  }
  const script = `(()=>{"use strict";const ${importMeta}={url:document.baseURI};${body}\n})();`;
  // Top-level await, or any other thing only a module allows, fails here rather than in a browser.
  parseAst(script);
  return script;
}

interface Node {
  type: string;
  start: number;
  end: number;
}

/** Calls found for every node of the tree below node, node included. */
function visit(node: Node, found: (node: Node) => void): void {
  found(node);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as Partial<Node>).type === 'string') visit(child as Node, found);
    }
  }
}

/**
 * The text as it can stand inside a script or style element unchanged, so its hash is the one the browser computes:
 * nothing that would end the element early or that the HTML parser rewrites (carriage returns).
 */
function rawText(text: string, element: 'script' | 'style'): string {
  if (new RegExp(`</${element}|<!--`, 'i').test(text) || text.includes('\r')) {
    throw new Error(`inline-start: the ${element} holds text that cannot stand inside <${element}> in index.html.`);
  }
  return text;
}

function replaceOnce(html: string, tag: string, replacement: string): string {
  const at = html.indexOf(tag);
  if (at < 0 || html.indexOf(tag, at + 1) >= 0) throw new Error(`inline-start: index.html should hold ${tag} once.`);
  return html.slice(0, at) + replacement + html.slice(at + tag.length);
}

/** The CSP source that allows exactly this inline text. */
function hashOf(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
