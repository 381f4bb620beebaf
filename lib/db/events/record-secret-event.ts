import "server-only";
import { randomUUID } from "node:crypto";
import type { TDatabase } from "../types";

export type TSecretEventKind = "revealed" | "wrong_proof" | "refused_signed_out" | "refused_not_member" | "burned";

export type TRecordSecretEventOptions = {
  secretId: string;
  teamId: string | null;
  kind: TSecretEventKind;
  at: Date;
  userId: string | null;
  ipPrefix: string | null;
  browser: string | null;
  viewsLeft: number | null;
};

/** Appends one line to a link's access log. */
export async function recordSecretEvent(db: TDatabase, options: TRecordSecretEventOptions): Promise<void> {
  await db.prisma.secretEvent.create({
    data: {
      id: randomUUID(),
      secretId: options.secretId,
      teamId: options.teamId,
      kind: options.kind,
      atMs: BigInt(options.at.getTime()),
      userId: options.userId,
      ipPrefix: options.ipPrefix,
      browser: options.browser,
      viewsLeft: options.viewsLeft,
    },
  });
}
