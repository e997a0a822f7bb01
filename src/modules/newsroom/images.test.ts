import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { sayer } from "../../platform/i18n/messages.js";
import { MAX_IMAGE_PIXELS, processImage } from "./images.js";
import { messages } from "./messages.js";

const say = sayer(messages, "sv");

/** A real PNG whose header then claims another size (the decoder would trust it). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await createCanvas(10, 10).encode("png"));
  // IHDR starts at byte 16: width and height, four bytes each, big-endian.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

describe("press images", () => {
  it("refuses an image with too many pixels before decoding it, and memory stays where it was", async () => {
    const before = process.memoryUsage().rss;
    const result = await processImage(await pngClaiming(30_000, 30_000), say);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("för många pixlar (30000 × 30000)") });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(30_000 * 30_000).toBeGreaterThan(MAX_IMAGE_PIXELS);
  });

  it("still makes sizes from an ordinary image", async () => {
    const canvas = createCanvas(1200, 800);
    canvas.getContext("2d").fillRect(0, 0, 1200, 800);
    const result = await processImage(Buffer.from(await canvas.encode("png")), say);
    expect(result.ok && result.image.sizes.map((s) => s.width)).toEqual([320, 800, 1200]);
  });
});
