"use client";

// A screen of another size, drawn to scale. The projector and phone components
// size themselves in vw/vh/dvh, which inside a plain <div> would be the editor's
// window: an <iframe> gives them a viewport of the real screen's size, and React
// draws into it through a portal (same context: messages, locale). The page's
// own stylesheets are copied in. The frame is inert: a picture, not a control.
import { useLocale } from "next-intl";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

const EMPTY_DOCUMENT = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';

function prepare(doc: Document, lang: string) {
  doc.documentElement.lang = lang;
  const base = doc.createElement("base");
  base.href = `${window.location.origin}/`;
  doc.head.append(base);
  for (const node of document.querySelectorAll<HTMLElement>('link[rel="stylesheet"], style')) {
    const copy = node.cloneNode(true) as HTMLElement;
    if (node instanceof HTMLLinkElement && copy instanceof HTMLLinkElement) copy.href = node.href;
    doc.head.append(copy);
  }
}

interface PreviewFrameProps {
  /** The screen being imitated, in CSS pixels. */
  width: number;
  height: number;
  title: string;
  className?: string;
  children: ReactNode;
}

export function PreviewFrame({ width, height, title, className = "", children }: PreviewFrameProps) {
  const locale = useLocale();
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  const [scale, setScale] = useState(0);

  const attach = useCallback(() => {
    const doc = frame.current?.contentDocument;
    // Before the srcdoc loads, the frame briefly holds an empty about:blank document.
    if (!doc || doc.URL !== "about:srcdoc" || doc.readyState !== "complete" || doc.body.dataset.ready) return;
    doc.body.dataset.ready = "true";
    prepare(doc, locale);
    setBody(doc.body);
  }, [locale]);

  useEffect(() => {
    // The frame may have loaded before React listened (a server-rendered page).
    const timer = setTimeout(attach, 0);
    const element = box.current;
    if (!element) return () => clearTimeout(timer);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setScale(entry.contentRect.width / width);
    });
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [attach, width]);

  return (
    <div
      ref={box}
      className={`relative overflow-hidden bg-indigo-950 ${className}`}
      style={{ height: height * scale, visibility: scale > 0 ? "visible" : "hidden" }}
    >
      <iframe
        ref={frame}
        title={title}
        srcDoc={EMPTY_DOCUMENT}
        onLoad={attach}
        inert
        tabIndex={-1}
        className="absolute top-0 left-0 origin-top-left border-0"
        style={{ width, height, transform: `scale(${scale})` }}
      />
      {body ? createPortal(children, body) : null}
    </div>
  );
}
