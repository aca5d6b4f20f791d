"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { DeckProblem, DeckSummary } from "../../lib/deck";
import { ApiError } from "../api-client";
import { useSignInRedirect } from "../dashboard/instructor-shell";
import { importDeckFile, importFormat } from "./deck-api";

export type ImportState =
  | { status: "idle" }
  | { status: "uploading"; fileName: string }
  /** 400 INVALID_DECK: every located problem; nothing was stored. */
  | { status: "problems"; fileName: string; problems: DeckProblem[] }
  | { status: "failed"; fileName: string; message: string };

interface ImportDeps {
  reload: () => Promise<DeckSummary[] | null>;
  highlight: (id: string) => void;
  showNotice: (message: string) => void;
}

/** One file at a time: sent as it is, then the new deck shown, or why nothing was imported. */
export function useDeckImport({ reload, highlight, showNotice }: ImportDeps) {
  const t = useTranslations("library.import");
  const common = useTranslations("common");
  const redirect = useSignInRedirect();
  const [state, setState] = useState<ImportState>({ status: "idle" });

  const importFile = useCallback(
    async (file: File) => {
      const fileName = file.name;
      const format = importFormat(fileName);
      if (!format) {
        setState({ status: "failed", fileName, message: t("wrongType", { file: fileName }) });
        return;
      }
      setState({ status: "uploading", fileName });
      try {
        const result = await importDeckFile(file, format);
        if (result.ok) {
          setState({ status: "idle" });
          const decks = await reload();
          highlight(result.id);
          const title = decks?.find((d) => d.id === result.id)?.title ?? fileName;
          showNotice(t("imported", { title }));
          return;
        }
        if (result.code === "INVALID_DECK" && result.problems.length > 0) {
          setState({ status: "problems", fileName, problems: result.problems });
          return;
        }
        const message =
          result.status === 413
            ? t("tooLarge", { file: fileName })
            : result.status === 415
              ? t("unsupported", { file: fileName })
              : result.status === 429
                ? t("rateLimited")
                : result.status === 400 && result.message
                  ? t("rejected", { file: fileName, message: result.message })
                  : t("failed", { file: fileName });
        setState({ status: "failed", fileName, message });
      } catch (error) {
        if (await redirect(error)) return;
        const offline = error instanceof ApiError && error.status === 0;
        setState({
          status: "failed",
          fileName,
          message: offline ? common("serverUnreachable") : t("failed", { file: fileName }),
        });
      }
    },
    [reload, highlight, showNotice, redirect, t, common],
  );

  const clear = useCallback(() => setState({ status: "idle" }), []);
  /** A message of the box's own (several files dropped at once). */
  const fail = useCallback(
    (fileName: string, message: string) => setState({ status: "failed", fileName, message }),
    [],
  );

  return { state, importFile, clear, fail };
}
