import { RED_FLAG_RULESET_V1 } from "./ruleset-v1";

/** The ruleset new intakes are screened with. Old flags keep the version that raised them. */
export const CURRENT_RED_FLAG_RULESET = RED_FLAG_RULESET_V1;
