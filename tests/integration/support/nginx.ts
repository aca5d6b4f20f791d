// A real nginx in front of test servers, configured from the shipped file
// (deploy/nginx/quizroom.conf) with its upstream servers and listen port replaced,
// run from a temporary prefix on a free port (never the system service).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "./scratch";

export const NGINX_TEMPLATE = resolve("deploy/nginx/quizroom.conf");

/** The nginx binary when one is installed (PATH, then Debian's place), else null. */
export function nginxBinary(): string | null {
  for (const candidate of ["nginx", "/usr/sbin/nginx"]) {
    if (spawnSync(candidate, ["-v"], { stdio: "ignore" }).status === 0) return candidate;
  }
  return null;
}

/**
 * The shipped configuration with `server 127.0.0.1:<port>;` for each upstream port and
 * `listen 127.0.0.1:<listenPort>;`.
 * @throws when the template no longer has one upstream block and one listen line.
 */
export function configFromTemplate(template: string, upstreamPorts: number[], listenPort: number): string {
  const upstream = /(upstream quizroom \{[\s\S]*?)((?:^\s*server [^\n]*;\n)+)/m;
  if (!upstream.test(template) || (template.match(/^\s*listen [^\n]*;$/gm) ?? []).length !== 1) {
    throw new Error(`${NGINX_TEMPLATE}: expected one upstream with server lines and one listen line`);
  }
  const servers = upstreamPorts.map((port) => `    server 127.0.0.1:${port} max_fails=2 fail_timeout=10s;\n`).join("");
  return template
    .replace(upstream, (_all, head: string) => `${head}${servers}`)
    .replace(/^(\s*)listen [^\n]*;$/m, `$1listen 127.0.0.1:${listenPort};`);
}

export interface TestNginx {
  url: string;
  port: number;
  /** What nginx wrote to its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Starts `nginx -p <dir> -c <dir>/nginx.conf -g 'daemon off;'` in front of the given
 * ports, on `port` (a free one when not given), and resolves once it answers.
 * @throws when nginx is not installed or does not come up within 10 s.
 */
export async function startNginx(upstreamPorts: number[], port?: number): Promise<TestNginx> {
  const binary = nginxBinary();
  if (!binary) throw new Error("nginx is not installed");
  const dir = mkdtempSync(join(tmpdir(), "quizroom-nginx-"));
  mkdirSync(join(dir, "logs"));
  const listenPort = port ?? (await freePort());
  const site = configFromTemplate(readFileSync(NGINX_TEMPLATE, "utf8"), upstreamPorts, listenPort);
  writeFileSync(join(dir, "quizroom.conf"), site);
  // The main context around the shipped http-context file: everything under the prefix.
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      "worker_processes 1;",
      `pid ${join(dir, "nginx.pid")};`,
      `error_log ${join(dir, "logs", "error.log")} warn;`,
      "events { worker_connections 1024; }",
      "http {",
      `  access_log off;`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (kind) => `  ${kind}_temp_path ${join(dir, `${kind}_temp`)};`,
      ),
      `  include ${join(dir, "quizroom.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(binary, ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const url = `http://127.0.0.1:${listenPort}`;
  const errors = () => {
    try {
      return stderr + readFileSync(join(dir, "logs", "error.log"), "utf8");
    } catch {
      return stderr;
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGQUIT"); // nginx's graceful stop
      const late = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(late);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${errors()}`);
    // Any answer means nginx listens (the servers behind it may still be starting).
    const up = await fetch(`${url}/healthz`).then(
      () => true,
      () => false,
    );
    if (up) return { url, port: listenPort, errors, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start:\n${errors()}`);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
}
