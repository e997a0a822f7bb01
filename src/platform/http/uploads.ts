/**
 * Multipart uploads are read under limits, and only after the form has proved itself: when the
 * first file of a form arrives, its CSRF token (a hidden field sent before the files) must
 * already be valid, or reading stops before a byte of the file is kept. Files are then read
 * chunk by chunk against one budget for the whole process, so many large uploads at once are
 * answered "busy, try again" (503) instead of filling the memory; a file over the per-file
 * limit stops at the limit (413). The budget is given back when the response is sent.
 */
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

export interface UploadGuard {
  /** @fastify/multipart's `onFile`: verify the form, then read the file within the budget. */
  onFile(this: FastifyRequest, part: MultipartFile): Promise<void>;
  /** Bytes of uploads held in memory right now (all requests). */
  inFlight(): number;
}

export function uploadGuard(
  app: FastifyInstance,
  options: {
    readonly budgetBytes: number;
    /** Whether the form's CSRF token (already in the body) is valid for this request. */
    readonly formIsGenuine: (request: FastifyRequest) => boolean;
    readonly tooLarge: () => Error;
  },
): UploadGuard {
  let inFlight = 0;
  const held = new WeakMap<FastifyRequest, number>();
  const release = (request: FastifyRequest) => {
    const n = held.get(request) ?? 0;
    inFlight -= n;
    held.delete(request);
  };
  app.addHook("onResponse", async (request) => release(request));
  app.addHook("onRequestAbort", async (request) => release(request));

  return {
    inFlight: () => inFlight,
    async onFile(part) {
      const config = this.routeOptions.config;
      const checked = config.csrf !== false && Boolean(config.access);
      if (checked && !options.formIsGenuine(this)) {
        part.file.resume();
        throw new AppError("KS_CSRF");
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) {
        if (inFlight + chunk.length > options.budgetBytes) {
          part.file.resume();
          throw new AppError("KS_UNAVAILABLE", "Upload budget exhausted", { "retry-after": "10" });
        }
        inFlight += chunk.length;
        held.set(this, (held.get(this) ?? 0) + chunk.length);
        chunks.push(chunk);
      }
      if (part.file.truncated) throw options.tooLarge();
      const data = Buffer.concat(chunks);
      part.toBuffer = async () => data;
    },
  };
}
