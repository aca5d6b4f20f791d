import { HostScreen } from "@/components/host/host-screen";

export default async function HostGamePage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  return <HostScreen gameId={gameId} />;
}
