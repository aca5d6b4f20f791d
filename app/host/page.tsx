import { DeckPicker } from "@/components/deck-picker";

export default function HostHomePage() {
  return <DeckPicker />;
}
