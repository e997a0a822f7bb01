/** The extension points, collected from the modules' manifests (see `Extensions` in module.ts). */
import type { Extensions, KlarsvarModule, ReplyChannel } from "./module.js";

export function collectExtensions(modules: readonly KlarsvarModule[]): Extensions {
  const replies = new Map<string, ReplyChannel>();
  for (const mod of modules) {
    for (const rc of mod.replyChannels ?? []) {
      for (const channel of rc.channels) {
        if (replies.has(channel)) throw new Error(`Two modules send answers on the channel ${channel}`);
        replies.set(channel, rc);
      }
    }
  }
  return {
    replyChannel: (channel) => replies.get(channel),
    startPageItems: async (ctx, viewer) => {
      const lists = await Promise.all(modules.map((m) => m.startPage?.(ctx, viewer) ?? Promise.resolve([])));
      return lists.flat().sort((a, b) => Number(b.urgent ?? false) - Number(a.urgent ?? false) || a.order - b.order);
    },
  };
}
