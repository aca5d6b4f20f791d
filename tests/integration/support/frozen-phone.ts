// A phone in its own process, so a test can freeze it for real (SIGSTOP): its
// WebSocket stays open but nothing on it answers, not even the close handshake.
// Usage: node --import tsx frozen-phone.ts <url> <pin> <nickname>; prints one JSON
// line once joined, then idles until killed.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { io } from "socket.io-client";

export interface FrozenPhone {
  playerId: string;
  /** SIGSTOP: from now on the phone's process reads nothing and answers nothing. */
  freeze(): void;
  kill(): void;
}

/** Starts a phone process that joins the game; resolves once it has joined. */
export function spawnPhone(url: string, pin: string, nickname: string): Promise<FrozenPhone> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), url, pin, nickname],
    // stdin is the lifeline: when the test's process goes, so does the phone.
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`phone process did not join:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      const joined = JSON.parse(line) as { playerId?: string; error?: string };
      if (!joined.playerId) {
        child.kill("SIGKILL");
        return reject(new Error(`phone process could not join: ${line}`));
      }
      resolve({
        playerId: joined.playerId,
        freeze: () => void child.kill("SIGSTOP"),
        // SIGKILL ends a stopped process too; nothing is left behind.
        kill: () => void child.kill("SIGKILL"),
      });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`phone process exited with ${code}:\n${output}`));
    });
  });
}

async function main(url: string, pin: string, nickname: string): Promise<void> {
  const socket = io(`${url}/play`, { transports: ["websocket"], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  const ack = (await socket.timeout(15_000).emitWithAck("join", { pin, nickname })) as {
    ok: boolean;
    playerId?: string;
    error?: { code: string };
  };
  console.log(JSON.stringify(ack.ok ? { playerId: ack.playerId } : { error: ack.error?.code }));
}

/** The phone goes when the test that started it goes (its stdin closes), and after a few minutes anyway. */
function exitWithParent(): void {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.resume();
  setTimeout(() => process.exit(0), 180_000).unref();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [url = "", pin = "", nickname = ""] = process.argv.slice(2);
  exitWithParent();
  main(url, pin, nickname).catch((error: unknown) => {
    console.log(JSON.stringify({ error: String(error) }));
    process.exit(1);
  });
}
