-- Blind independent verdicts: rounds on a claim and each chosen reviewer's verdict (lib/rounds).

-- CreateTable
CREATE TABLE "VerdictRound" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "requiredCount" INTEGER NOT NULL,
    "openedById" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "reconciledAt" TIMESTAMP(3),
    "reconciledById" TEXT,
    "finalVerdict" TEXT,
    "reconcileNote" TEXT,

    CONSTRAINT "VerdictRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndependentVerdict" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "verdict" TEXT,
    "rationale" TEXT,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "IndependentVerdict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VerdictRound_claimId_openedAt_idx" ON "VerdictRound"("claimId", "openedAt");

-- CreateIndex
CREATE INDEX "VerdictRound_closedAt_idx" ON "VerdictRound"("closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IndependentVerdict_roundId_reviewerId_key" ON "IndependentVerdict"("roundId", "reviewerId");

-- CreateIndex
CREATE INDEX "IndependentVerdict_reviewerId_idx" ON "IndependentVerdict"("reviewerId");

-- AddForeignKey
ALTER TABLE "VerdictRound" ADD CONSTRAINT "VerdictRound_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerdictRound" ADD CONSTRAINT "VerdictRound_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerdictRound" ADD CONSTRAINT "VerdictRound_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerdictRound" ADD CONSTRAINT "VerdictRound_reconciledById_fkey" FOREIGN KEY ("reconciledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndependentVerdict" ADD CONSTRAINT "IndependentVerdict_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VerdictRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndependentVerdict" ADD CONSTRAINT "IndependentVerdict_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
