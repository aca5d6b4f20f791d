"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { AlertIcon, UploadIcon } from "./action-icons";
import { ImportProblems } from "./import-problems";
import type { ImportState } from "./use-deck-import";

interface ImportBoxProps {
  state: ImportState;
  onFile: (file: File) => void;
  onClear: () => void;
  onFail: (fileName: string, message: string) => void;
}

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

/**
 * A file dragged anywhere over the page lights the box up and is imported where it
 * is dropped: a drop that just misses the box would otherwise make the browser
 * leave the page to open the file.
 */
function usePageDrop(onFiles: (files: FileList) => void) {
  const [dragging, setDragging] = useState(false);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  }, [onFiles]);
  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (event.dataTransfer?.files.length) onFilesRef.current(event.dataTransfer.files);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, []);
  return dragging;
}

/** Drag a .json or .csv deck here, or choose one; what went wrong is shown right under it. */
export function ImportBox({ state, onFile, onClear, onFail }: ImportBoxProps) {
  const t = useTranslations("library.import");
  const titleId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const uploading = state.status === "uploading";

  const take = (files: FileList) => {
    const [file] = Array.from(files);
    if (!file || uploading) return;
    if (files.length > 1) onFail(file.name, t("oneFile"));
    else onFile(file);
  };
  const dragging = usePageDrop(take);

  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-4" aria-busy={uploading}>
      <div
        className={`flex flex-col gap-4 rounded-3xl border-2 border-dashed px-6 py-4 transition-colors sm:flex-row sm:items-center ${
          dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-white"
        }`}
      >
        <span
          className={`hidden size-12 shrink-0 items-center justify-center rounded-2xl sm:flex ${
            dragging ? "bg-indigo-600 text-white" : "bg-indigo-100 text-indigo-700"
          }`}
        >
          <UploadIcon className="size-6" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="text-xl font-black text-slate-900">
            {dragging ? t("drop") : t("title")}
          </h2>
          <p id={hintId} className="mt-1 text-base text-slate-600">
            {t("hint")}
          </p>
          <p className="mt-1 text-sm text-slate-600">{t("tip")}</p>
        </div>
        <input
          ref={input}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          // The button below opens it: one control for the keyboard and screen readers.
          className="hidden"
          onChange={(event) => {
            if (event.target.files?.length) take(event.target.files);
            // The same file can be chosen again once it has been fixed.
            event.target.value = "";
          }}
        />
        <button
          type="button"
          aria-describedby={hintId}
          disabled={uploading}
          title={uploading ? state.fileName : undefined}
          onClick={() => input.current?.click()}
          className="inline-flex h-12 max-w-full shrink-0 items-center justify-center gap-2 rounded-xl bg-white px-5 text-lg font-extrabold text-indigo-800 ring-2 ring-indigo-200 hover:bg-indigo-50 disabled:cursor-wait disabled:opacity-60 sm:max-w-xs"
        >
          <UploadIcon className="size-5" />
          {/* A long file name is cut to fit (whole in the tooltip and the status line below). */}
          <span className="truncate">{uploading ? t("importing", { file: state.fileName }) : t("choose")}</span>
        </button>
      </div>

      {/* The button says it too; this tells a screen reader once. */}
      <p aria-live="polite" className="sr-only">
        {uploading ? t("importing", { file: state.fileName }) : ""}
      </p>
      {state.status === "failed" ? (
        <div role="alert" className="flex items-start gap-3 rounded-2xl bg-rose-50 px-5 py-4 ring-1 ring-rose-200">
          <AlertIcon className="mt-0.5 size-6 text-rose-700" />
          <p className="min-w-0 flex-1 text-lg font-semibold text-rose-900">{state.message}</p>
          <button
            type="button"
            onClick={onClear}
            className="shrink-0 rounded-lg px-3 py-1.5 text-sm font-bold text-rose-900 ring-1 ring-rose-300 hover:bg-rose-100"
          >
            {t("dismiss")}
          </button>
        </div>
      ) : null}
      {state.status === "problems" ? (
        <ImportProblems fileName={state.fileName} problems={state.problems} onClose={onClear} />
      ) : null}
    </section>
  );
}
