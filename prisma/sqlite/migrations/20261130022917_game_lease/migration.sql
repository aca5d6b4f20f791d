-- CreateTable
CREATE TABLE "GameLease" (
    "gameId" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "GameLease_expiresAt_idx" ON "GameLease"("expiresAt");

