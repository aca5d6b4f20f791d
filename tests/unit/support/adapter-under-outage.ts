// Run as a child process by tests/unit/redis-outage.test.ts (a starved event loop
// could not report on itself): a Socket.IO server on the scale-out adapter and one
// client in a room. Reads commands on stdin, one per line, and answers one JSON line
// each on stdout:
//   emit      → { received: number[] } after a broadcast to the room (≤ 2 s)
//   ticks     → { ticks } 10 ms timer ticks seen in 1 s (about 100 when the loop is free)
//   ping      → { up } whether Redis answers within 500 ms
//   quit      → closes everything and exits 0
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { redisStreamsAdapter } from "../../../server/scale/adapter";
import { connectRedis } from "../../../server/scale/redis";

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));
const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

const connection = await connectRedis(process.argv[2] ?? "", () => {});
const http = createServer();
const io = new Server(http, { adapter: redisStreamsAdapter(connection.client) });
io.on("connection", (socket) => void socket.join("room"));
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ["websocket"] });
const received: number[] = [];
client.on("n", (n: number) => received.push(n));
await new Promise<void>((resolve) => client.once("connect", () => resolve()));
await sleep(300); // the adapter's reader and subscriber connect on their own

let sent = 0;
reply({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  if (line === "emit") {
    sent += 1;
    io.to("room").emit("n", sent);
    const started = Date.now();
    while (received.length < sent && Date.now() - started < 2_000) await sleep(10);
    reply({ received, ms: Date.now() - started });
  } else if (line === "ticks") {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    await sleep(1_000);
    clearInterval(timer);
    reply({ ticks });
  } else if (line === "ping") {
    reply({ up: await connection.ping(500) });
  } else if (line === "quit") {
    client.close();
    void io.close();
    connection.close();
    process.exit(0);
  }
}
