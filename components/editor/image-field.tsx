"use client";

// A question's optional image: a file (chosen, dropped or pasted) uploaded to
// /api/images, or an https address. What the server refuses, and an image that
// does not load, are said next to the field: never a silently broken image.
import { useTranslations } from "next-intl";
import { useState, type ClipboardEvent, type DragEvent } from "react";
import { useSignInRedirect } from "../dashboard/instructor-shell";
import { DeckApiError, uploadImage } from "./editor-api";
import { ImageIcon, TrashIcon, UploadIcon } from "./editor-icons";
import { FieldError, describedBy, inputClass } from "./fields";

/** What the server accepts (issue 14); it decodes the bytes to check, this only saves a useless upload. */
const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

interface ImageFieldProps {
  id: string;
  readOnly: boolean;
  imageUrl: string | null;
  error: string | null;
  onChange: (url: string | null) => void;
}

type Upload =
  { state: "idle" } | { state: "uploading"; name: string } | { state: "failed"; code: string; detail: string };

export function ImageField({ id, readOnly, imageUrl, error, onChange }: ImageFieldProps) {
  const t = useTranslations("editor.image");
  const redirect = useSignInRedirect();
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const [address, setAddress] = useState("");
  const [broken, setBroken] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function send(file: File) {
    // An unnamed type (some drags and pastes) goes to the server, which reads the bytes.
    if (file.type !== "" && !IMAGE_TYPES.includes(file.type)) {
      setUpload({ state: "failed", code: "INVALID_IMAGE", detail: "" });
      return;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      setUpload({ state: "failed", code: "IMAGE_TOO_LARGE", detail: "" });
      return;
    }
    setUpload({ state: "uploading", name: file.name });
    try {
      const image = await uploadImage(file);
      setUpload({ state: "idle" });
      onChange(image.url);
    } catch (failure) {
      if (await redirect(failure)) return;
      const code = failure instanceof DeckApiError ? failure.code : "UNKNOWN";
      setUpload({ state: "failed", code, detail: failure instanceof Error ? failure.message : "" });
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void send(file);
  }

  function onPaste(event: ClipboardEvent) {
    const file = event.clipboardData.files[0];
    if (!file) return; // text goes into the address field as usual
    event.preventDefault();
    void send(file);
  }

  function applyAddress() {
    const url = address.trim();
    if (url === "") return;
    setAddress("");
    onChange(url);
  }

  const uploadMessage =
    upload.state === "failed"
      ? upload.code === "INVALID_IMAGE" ||
        upload.code === "IMAGE_TOO_LARGE" ||
        upload.code === "NETWORK" ||
        upload.code === "RATE_LIMITED"
        ? t(`errors.${upload.code}`)
        : upload.detail || t("errors.UNKNOWN")
      : null;
  // The server's own sentence says exactly what it found (e.g. which format); keep it under ours.
  const serverDetail = upload.state === "failed" && uploadMessage !== upload.detail ? upload.detail : "";
  const message = error ?? (imageUrl && broken === imageUrl ? t("broken") : null) ?? uploadMessage;
  const fileInputId = `${id}-file`;
  if (readOnly && !imageUrl) return null;

  return (
    <div
      id={id}
      className="flex flex-col gap-2"
      onPaste={onPaste}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className="text-sm font-bold text-slate-700">{t("label")}</p>
      {imageUrl ? (
        <div className="flex flex-wrap items-start gap-4 rounded-2xl bg-slate-50 p-3 ring-1 ring-slate-200">
          {/* eslint-disable-next-line @next/next/no-img-element -- the deck's own image, as the projector shows it */}
          <img
            src={imageUrl}
            alt={t("thumbnailAlt")}
            onError={() => setBroken(imageUrl)}
            onLoad={() => setBroken((current) => (current === imageUrl ? null : current))}
            className="max-h-40 max-w-64 rounded-lg bg-white object-contain ring-1 ring-slate-200"
          />
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            {imageUrl.startsWith("https:") ? (
              <p className="truncate text-sm text-slate-600" title={imageUrl}>
                {imageUrl}
              </p>
            ) : null}
            <div className={readOnly ? "hidden" : "flex flex-wrap gap-2"}>
              <label
                htmlFor={fileInputId}
                className="inline-flex h-10 cursor-pointer items-center gap-1.5 rounded-xl bg-white px-3 text-sm font-bold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-amber-500"
              >
                <UploadIcon className="size-4" />
                {t("replace")}
                <FileInput id={fileInputId} onFile={send} describedBy={message ? `${id}-error` : undefined} />
              </label>
              <button
                type="button"
                onClick={() => {
                  setUpload({ state: "idle" });
                  onChange(null);
                }}
                className="inline-flex h-10 items-center gap-1.5 rounded-xl bg-white px-3 text-sm font-bold text-rose-800 ring-1 ring-rose-200 hover:bg-rose-50"
              >
                <TrashIcon className="size-4" />
                {t("remove")}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div
          className={`flex flex-col gap-3 rounded-2xl border-2 border-dashed p-4 transition-colors ${
            dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-slate-50"
          }`}
        >
          <div className="flex flex-wrap items-center gap-3">
            <label
              htmlFor={fileInputId}
              className="inline-flex h-10 cursor-pointer items-center gap-2 rounded-xl bg-white px-4 text-sm font-extrabold text-indigo-800 ring-1 ring-indigo-200 hover:bg-indigo-50 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-amber-500"
            >
              <ImageIcon className="size-5" />
              {t("choose")}
              <FileInput id={fileInputId} onFile={send} describedBy={`${id}-hint`} />
            </label>
            <p id={`${id}-hint`} className="text-sm text-slate-600">
              {t("hint")}
            </p>
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex min-w-48 flex-1 flex-col gap-1">
              <label htmlFor={`${id}-url`} className="text-sm font-semibold text-slate-700">
                {t("address")}
              </label>
              <input
                id={`${id}-url`}
                type="url"
                inputMode="url"
                value={address}
                placeholder="https://"
                aria-describedby={describedBy(id, { error: Boolean(message) })}
                onChange={(event) => setAddress(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    applyAddress();
                  }
                }}
                className={`h-10 ${inputClass} border-slate-300 text-sm`}
              />
            </div>
            <button
              type="button"
              onClick={applyAddress}
              disabled={address.trim() === ""}
              className="h-10 rounded-xl bg-white px-4 text-sm font-bold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50"
            >
              {t("useAddress")}
            </button>
          </div>
        </div>
      )}
      <p role="status" className="text-sm font-semibold text-indigo-800 empty:hidden">
        {upload.state === "uploading" ? t("uploading", { name: upload.name }) : ""}
      </p>
      <FieldError id={id} message={message} />
      {serverDetail && message === uploadMessage ? <p className="text-sm text-slate-600">{serverDetail}</p> : null}
    </div>
  );
}

function FileInput({
  id,
  onFile,
  describedBy: described,
}: {
  id: string;
  onFile: (file: File) => void;
  describedBy?: string;
}) {
  return (
    <input
      id={id}
      type="file"
      accept={IMAGE_TYPES.join(",")}
      aria-describedby={described}
      onChange={(event) => {
        const file = event.target.files?.[0];
        // The same file chosen again after a failure must fire a change again.
        event.target.value = "";
        if (file) onFile(file);
      }}
      className="sr-only"
    />
  );
}
