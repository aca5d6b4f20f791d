/** "quiz.example.com/join" for the screen: no protocol, no query (the PIN is shown on its own). */
export function displayJoinAddress(joinUrl: string): string {
  try {
    const url = new URL(joinUrl);
    return `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
  } catch {
    return joinUrl;
  }
}

/** "123 456": easier to read from the back of the room. */
export function spacedPin(pin: string): string {
  return pin.length === 6 ? `${pin.slice(0, 3)} ${pin.slice(3)}` : pin;
}
