/** The extension points, collected from the modules' manifests (see `Extensions` in module.ts). */
import type { ArrivalRegister, Extensions, KlarsvarModule, ReplyChannel } from "./module.js";

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
  const registers = new Map<string, ArrivalRegister>();
  for (const mod of modules) {
    for (const r of mod.arrivalRegisters ?? []) {
      if (registers.has(r.kind)) throw new Error(`Two modules keep the register of ${r.kind}`);
      registers.set(r.kind, r);
    }
  }
  const evidence = modules.flatMap((m) => (m.unitEvidence ? [m.unitEvidence] : []));
  const journalists = modules.flatMap((m) => (m.knownJournalists ? [m.knownJournalists] : []));
  return {
    replyChannel: (channel) => replies.get(channel),
    arrivalRegister: (kind) => registers.get(kind),
    unitEvidence: async (db, orgId, text) => (await Promise.all(evidence.map((e) => e(db, orgId, text)))).flat(),
    knownJournalists: async (db, orgId, emails) => {
      if (emails.length === 0 || journalists.length === 0) return new Set();
      const sets = await Promise.all(journalists.map((j) => j(db, orgId, emails)));
      return new Set(sets.flatMap((s) => [...s]));
    },
    startPageItems: async (ctx, viewer) => {
      const lists = await Promise.all(modules.map((m) => m.startPage?.(ctx, viewer) ?? Promise.resolve([])));
      return lists.flat().sort((a, b) => Number(b.urgent ?? false) - Number(a.urgent ?? false) || a.order - b.order);
    },
  };
}
