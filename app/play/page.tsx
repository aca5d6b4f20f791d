import { pinFromSearchParam } from "@/components/play/pin-param";
import { PlayerScreen } from "@/components/play/player-screen";

export default async function PlayerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { pin } = await searchParams;
  return <PlayerScreen initialPin={pinFromSearchParam(pin)} />;
}
