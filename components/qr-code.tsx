"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";

/** A QR code drawn in the browser from `value` (no network), shown as an <img>. */
export function QrCode({ value, alt, className = "size-64" }: { value: string; alt: string; className?: string }) {
  const [src, setSrc] = useState<{ value: string; url: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(value, {
      errorCorrectionLevel: "M",
      margin: 1,
      width: 640,
      color: { dark: "#0f0a2e", light: "#ffffff" },
    })
      .then((url) => {
        if (!cancelled) setSrc({ value, url });
      })
      .catch(() => {
        if (!cancelled) setSrc(null);
      });
    return () => {
      cancelled = true;
    };
  }, [value]);

  if (!src || src.value !== value) {
    return <div className={`animate-pulse rounded-2xl bg-white/20 ${className}`} aria-hidden="true" />;
  }
  const imageClass = `rounded-2xl bg-white p-3 [image-rendering:pixelated] ${className}`;
  // A data: URL generated here; next/image has nothing to optimise.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src.url} alt={alt} className={imageClass} />;
}
