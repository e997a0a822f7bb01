/**
 * Press images: the content decides (magic numbers, then a real decode with @napi-rs/canvas —
 * the canvas pdf.js already brings), never the file name. Sizes for the web and for download
 * are made at upload as JPEG, so pages never send a 20-megapixel original.
 */
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { imageSize } from "image-size";
import { sniffType } from "../../platform/http/sniff.js";
import type { NewsroomSay } from "./messages.js";

export const IMAGE_WIDTHS = [320, 800, 1600] as const;
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
/**
 * A decoded image takes four bytes a pixel, whatever its file size: a 15 MB PNG of 30,000 ×
 * 30,000 pixels would need 3.6 GB. The size is read from the file's header (image-size) and
 * checked before anything is decoded. 40 megapixels is more than a press photo needs.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

export interface ProcessedImage {
  readonly contentType: string;
  readonly width: number;
  readonly height: number;
  readonly sizes: readonly { width: number; height: number; data: Buffer }[];
}

export type ImageResult = { ok: true; image: ProcessedImage } | { ok: false; reason: string };

export async function processImage(data: Buffer, say: NewsroomSay): Promise<ImageResult> {
  const broken = { ok: false, reason: say("error.image.broken") } as const;
  if (data.length > MAX_IMAGE_BYTES) return { ok: false, reason: say("error.image.tooLarge") };
  const type = sniffType(data);
  if (type !== "image/jpeg" && type !== "image/png" && type !== "image/webp")
    return { ok: false, reason: say("error.image.type") };
  let declared: { width?: number | undefined; height?: number | undefined };
  try {
    declared = imageSize(data);
  } catch {
    return broken;
  }
  if (!declared.width || !declared.height) return broken;
  if (declared.width * declared.height > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      reason: say("error.image.pixels", { width: String(declared.width), height: String(declared.height) }),
    };
  }
  let img: Awaited<ReturnType<typeof loadImage>>;
  try {
    img = await loadImage(data);
  } catch {
    return broken;
  }
  const { width, height } = img;
  if (width < 1 || height < 1) return broken;
  const sizes: { width: number; height: number; data: Buffer }[] = [];
  const widths = [
    ...IMAGE_WIDTHS.filter((w) => w < width),
    Math.min(width, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] as number),
  ];
  for (const w of [...new Set(widths)]) {
    const h = Math.max(1, Math.round((height * w) / width));
    const canvas = createCanvas(w, h);
    const c = canvas.getContext("2d");
    c.fillStyle = "#ffffff"; // transparent PNGs get a white background in JPEG
    c.fillRect(0, 0, w, h);
    c.drawImage(img, 0, 0, w, h);
    sizes.push({ width: w, height: h, data: await canvas.encode("jpeg", 85) });
  }
  return { ok: true, image: { contentType: type, width, height, sizes } };
}
