import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, findLiveSecret, insertSecret, openDatabase, type TDatabase } from "@/lib/db";
import { createSqliteTestDatabase, type TTestDatabase } from "../../helpers/test-databases";

const newId = () => randomBytes(16).toString("base64url");

function secretRow(id: string) {
  const createdAt = new Date();
  return {
    id,
    envelopeJson: "{}",
    verifier: randomBytes(32).toString("base64url"),
    manageTokenHash: randomBytes(32).toString("base64url"),
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 3_600_000),
    maxViews: 1,
  };
}

/** A promise and the function that settles it, to hold a transaction open on cue. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("hot statements on the SQLite connection Prisma shares", () => {
  let database: TTestDatabase;
  let db: TDatabase;
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    await applyMigrations(database.config);
    db = await openDatabase(database.config);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const shared = () => {
    if (db.driver.provider !== "sqlite") throw new Error("sqlite only");
    return db.driver.shared;
  };

  it("runs on the very connection Prisma uses: a row inserted by one is seen by the other at once", async () => {
    const id = newId();
    await insertSecret(db, secretRow(id));
    const viaPrisma = await db.prisma.secret.findUnique({ where: { id } });
    expect(viaPrisma?.id).toBe(id);
    expect(await findLiveSecret(db, { id, now: new Date() })).toMatchObject({ id, maxViews: 1, restrictToTeam: false });
  });

  it("holds a hot statement while a Prisma transaction is open, so the transaction's rollback cannot take it along", async () => {
    const id = newId();
    const inside = gate();
    const finish = gate();
    const transaction = db.prisma
      .$transaction(async (tx) => {
        await tx.team.create({ data: { id: randomUUID(), name: `rolled-back-${id}`, createdAtMs: BigInt(Date.now()) } });
        inside.open();
        await finish.opened;
        throw new Error("roll back on purpose");
      })
      .catch((error: unknown) => error);
    await inside.opened;
    expect(shared().openTransactions).toBe(1);

    let inserted = false;
    const insert = insertSecret(db, secretRow(id)).then(() => (inserted = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inserted).toBe(false);

    finish.open();
    expect(String(await transaction)).toContain("roll back on purpose");
    await insert;
    expect(shared().openTransactions).toBe(0);
    expect(await db.prisma.team.findUnique({ where: { name: `rolled-back-${id}` } })).toBeNull();
    expect((await findLiveSecret(db, { id, now: new Date() }))?.id).toBe(id);
  });

  it("runs queued statements in order once a committed transaction ends", async () => {
    const ids = [newId(), newId(), newId()];
    const inside = gate();
    const finish = gate();
    const transaction = db.prisma.$transaction(async (tx) => {
      await tx.team.create({ data: { id: randomUUID(), name: `committed-${ids[0]}`, createdAtMs: BigInt(Date.now()) } });
      inside.open();
      await finish.opened;
    });
    await inside.opened;
    expect(shared().openTransactions).toBe(1);
    const order: string[] = [];
    const inserts = ids.map((id) => insertSecret(db, secretRow(id)).then(() => order.push(id)));
    finish.open();
    await transaction;
    await Promise.all(inserts);
    expect(order).toEqual(ids);
    expect(await db.prisma.team.findUnique({ where: { name: `committed-${ids[0]}` } })).not.toBeNull();
  });

  it("answers straight away when no transaction is open", () => {
    const result = shared().run((connection) => connection.prepare("SELECT 1 AS one").get());
    expect(result).toEqual({ one: 1n });
  });
});
