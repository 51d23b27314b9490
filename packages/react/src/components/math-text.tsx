'use client';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** The one call the widget makes (temml's `render`). */
interface Temml {
  render(tex: string, node: HTMLElement, options: import('temml').Options): void;
}

let temml: Promise<Temml | undefined> | undefined;

/**
 * temml (TeX → MathML, ~50 kB gzip) is loaded the first time a paper holds math that Unicode cannot show,
 * and never otherwise. Where it cannot load (the script-tag embed, a strict CSP, offline), the Unicode
 * approximation stays.
 */
function loadTemml(): Promise<Temml | undefined> {
  temml ??= import('temml').then(
    // ESM builds give the namespace, CommonJS interop its `default`: both carry `render`.
    (module) => {
      const engine = (module as unknown as { default?: Temml }).default ?? (module as unknown as Temml);
      return typeof engine.render === 'function' ? engine : undefined;
    },
    () => undefined,
  );
  return temml;
}

/**
 * Math that needs MathML (`\frac`, `\sqrt`, …). The server and the first render show `fallback` (plain
 * Unicode, e.g. `1/(√d)`); after hydration temml builds MathML into a node React does not manage. temml
 * builds DOM nodes, never HTML strings, and runs untrusted: `\href`, `\url`, `\html…` and `\includegraphics`
 * are refused, macro expansion and sizes are capped, and on any error the fallback simply stays.
 */
export function MathText({ tex, fallback }: { tex: string; fallback: string }): ReactNode {
  const target = useRef<HTMLSpanElement>(null);
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    let live = true;
    loadTemml().then((engine) => {
      const node = target.current;
      if (!live || !engine || !node) return;
      try {
        node.replaceChildren();
        engine.render(tex, node, { trust: false, throwOnError: true, maxExpand: 100, maxSize: [10, 10] });
        setRendered(node.childNodes.length > 0);
      } catch {
        node.replaceChildren();
      }
    });
    return () => {
      live = false;
    };
  }, [tex]);
  return (
    <span className="pt-math">
      {/* Screen readers read the MathML once it is there; until then, the Unicode text. */}
      <span className="pt-math-fallback" hidden={rendered}>
        {fallback}
      </span>
      <span ref={target} className="pt-math-ml" />
    </span>
  );
}
