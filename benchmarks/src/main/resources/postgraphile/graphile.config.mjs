// PostGraphile v5 as a user would run it over this database: the Amber preset (its defaults: Relay connections,
// relations from foreign keys, conditions and orderings on indexed columns), nothing added, nothing tuned.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

export default {
  extends: [PostGraphileAmberPreset],
};
