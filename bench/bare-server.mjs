// The yardstick for bench/http.ts: a bare Fastify app that answers each path with the same
// bytes the project sent for it, and nothing else. Usage: node bench/bare-server.mjs PAGES.json
// (an object path → html, "*" for any other path). Prints "listening <url>" when ready.
import { readFileSync } from "node:fs";
import Fastify from "fastify";

const pages = JSON.parse(readFileSync(process.argv[2], "utf8"));
const app = Fastify({ logger: false });
app.get("/*", (request, reply) => {
  // "*": the bytes for any other path (bench/http.ts's never-seen searches).
  const html = pages[request.url] ?? pages["*"];
  if (html === undefined) return reply.status(404).send("not found");
  return reply.type("text/html; charset=utf-8").send(html);
});
const url = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(`listening ${url}`);
