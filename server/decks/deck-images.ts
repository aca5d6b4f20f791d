// The images a deck names, checked before the deck is stored, so that no question
// ends up with a broken picture:
// - `/api/images/<id>`: must be a stored image;
// - this server's own absolute image URL (a CSV export writes them): the same,
//   rewritten to the relative path;
// - `data:` (a JSON export embeds them; import only): decoded and verified here,
//   stored only once the whole deck is valid (`storePending`);
// - any other URL is left to the deck rules (https kept, http refused with why).
import { IMAGE_PATH_PREFIX, isStoredImagePath, type Deck, type DeckProblem } from "../../lib/deck";
import type { ImageInfo } from "../db/images";
import { decodeDataUrl, isDataUrl } from "../images/data-url";
import type { ImageCheck, VerifiedImage } from "../images/verify-image";

export interface DeckImageDeps {
  /** The stored images among these ids (ImageRepository.describe). */
  describe(ids: string[]): Promise<Map<string, ImageInfo>>;
  /** Stores a verified image for its owner (ImageRepository.save). */
  save(ownerId: string, image: VerifiedImage): Promise<ImageInfo>;
  verify(bytes: Buffer): Promise<ImageCheck>;
  /** PUBLIC_URL's origin: absolute image URLs on it are this server's own. */
  publicOrigin: string;
}

/** Stands in for an embedded image until it is stored: a stored-image path, so the deck rules accept it. */
const PENDING = `${IMAGE_PATH_PREFIX}embedded-image-not-yet-stored`;

export interface ResolvedImages {
  /** The input with image URLs rewritten (own absolute → relative, data: → a placeholder). */
  input: unknown;
  problems: DeckProblem[];
  /** Verified embedded images, by question index, stored by `storePending` once the deck is valid. */
  pending: Map<number, VerifiedImage>;
}

const questionsOf = (input: unknown): unknown[] => {
  const questions = (input as { questions?: unknown } | null)?.questions;
  return typeof input === "object" && input !== null && Array.isArray(questions) ? questions : [];
};

/** The image id of `url` when it is this server's own image URL (relative, or absolute on its origin). */
function ownImageId(url: string, publicOrigin: string): string | null {
  if (isStoredImagePath(url)) return url.slice(IMAGE_PATH_PREFIX.length);
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const parsed = new URL(url);
    const path = parsed.pathname;
    return parsed.origin === publicOrigin && !parsed.search && isStoredImagePath(path)
      ? path.slice(IMAGE_PATH_PREFIX.length)
      : null;
  } catch {
    return null;
  }
}

/**
 * Checks and rewrites every question's `imageUrl` in Deck JSON input (anything
 * that is not a deck is returned as it is, for the deck rules to refuse).
 * `acceptDataUrls` is true for imports only; the editor uploads images first.
 */
export async function resolveImages(
  input: unknown,
  deps: Pick<DeckImageDeps, "describe" | "verify" | "publicOrigin">,
  acceptDataUrls: boolean,
): Promise<ResolvedImages> {
  const problems: DeckProblem[] = [];
  const pending = new Map<number, VerifiedImage>();
  const referenced = new Map<number, string>();
  const questions = questionsOf(input).map((q) => (typeof q === "object" && q !== null ? { ...q } : q));
  const at = (index: number, message: string) =>
    problems.push({ question: index + 1, path: `questions.${index}.imageUrl`, message });

  for (const [index, question] of questions.entries()) {
    const url = (question as { imageUrl?: unknown } | null)?.imageUrl;
    if (typeof url !== "string") continue;
    const target = question as { imageUrl: string };
    if (acceptDataUrls && isDataUrl(url)) {
      const decoded = decodeDataUrl(url);
      const check = decoded.ok ? await deps.verify(decoded.bytes) : null;
      if (!decoded.ok) at(index, decoded.message);
      else if (check && !check.ok) at(index, `The embedded image is refused. ${check.message}`);
      else if (check?.ok) pending.set(index, check.image);
      target.imageUrl = PENDING;
      continue;
    }
    const id = ownImageId(url.trim(), deps.publicOrigin);
    if (id !== null) referenced.set(index, id);
  }

  const stored = await deps.describe([...referenced.values()]);
  for (const [index, id] of referenced) {
    if (stored.has(id)) (questions[index] as { imageUrl: string }).imageUrl = `${IMAGE_PATH_PREFIX}${id}`;
    else at(index, `The image ${IMAGE_PATH_PREFIX}${id} is not on this server: upload it again.`);
  }
  const rewritten = questionsOf(input).length > 0 ? { ...(input as object), questions } : input;
  return { input: rewritten, problems, pending };
}

/** Stores the embedded images of a valid deck for its owner and points their questions at them. */
export async function storePending(
  deck: Deck,
  pending: Map<number, VerifiedImage>,
  ownerId: string,
  deps: Pick<DeckImageDeps, "save">,
): Promise<Deck> {
  const questions = [...deck.questions];
  for (const [index, image] of pending) {
    const question = questions[index];
    if (question) questions[index] = { ...question, imageUrl: (await deps.save(ownerId, image)).url };
  }
  return { ...deck, questions };
}
