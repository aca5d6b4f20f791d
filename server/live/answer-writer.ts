// Accepted answers, batched into one insert per tick (R-PERSIST-BEFORE-ACK).
import type { AnswerRow } from "../db/games";
import { BatchWriter } from "./batch-writer";

export class AnswerWriter extends BatchWriter<AnswerRow> {}
