import "server-only";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/respond";
import { LikelyDuplicateError, PatientChangedError } from "./patient-errors";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** apiRoute plus the two patient conflicts that carry a body the form acts on (current details, likely duplicates). */
export function patientRoute<C>(handler: Handler<C>): Handler<C> {
  return apiRoute(async (req, ctx: C) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      if (error instanceof PatientChangedError)
        return NextResponse.json(
          { error: { code: "conflict", message: error.message, current: error.current } },
          { status: 409 },
        );
      if (error instanceof LikelyDuplicateError)
        return NextResponse.json(
          { error: { code: "conflict", message: error.message, duplicates: error.candidates } },
          { status: 409 },
        );
      throw error;
    }
  });
}
