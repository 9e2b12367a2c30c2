// Serves the built dist/ on 127.0.0.1:$PORT with bun; GET /health answers 200 "ok".
// Hashed files under /assets/ are cached for a year; any other path without a file behind it
// gets index.html, so client-side routes load the app.
import { resolve, sep } from "node:path";

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be set to a TCP port, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}
const dist = resolve(import.meta.dir, "dist");
const index = Bun.file(resolve(dist, "index.html"));
if (!(await index.exists())) {
  console.error(`${dist}/index.html is missing: run the build first`);
  process.exit(1);
}

const server = Bun.serve({
  hostname: "127.0.0.1",
  port,
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") {
      return new Response("ok", { headers: { "content-type": "text/plain" } });
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname).replace(/^\/+/, "");
    } catch {
      return new Response("bad request", { status: 400 });
    }
    const path = resolve(dist, relative);
    if (path !== dist && !path.startsWith(dist + sep)) {
      return new Response("forbidden", { status: 403 });
    }
    const file = Bun.file(path);
    if (relative !== "" && (await file.exists())) {
      const cache = relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
      return new Response(file, { headers: { "cache-control": cache } });
    }
    if (relative.startsWith("assets/")) {
      return new Response("not found", { status: 404 });
    }
    return new Response(index, { headers: { "cache-control": "no-cache" } });
  },
});

console.log(`vite-react-alive serving ${process.env.DOMAIN ?? "the site"} on http://127.0.0.1:${server.port}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.stop();
    process.exit(0);
  });
}
