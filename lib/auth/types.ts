import type { TSignedInUser } from "@/lib/db";

export type TCurrentUser = TSignedInUser & { isInstanceAdmin: boolean };
