import { createEmbeddedEngine } from "./embedded";
import { runEngineContract } from "./contract";

runEngineContract("embedded", () => createEmbeddedEngine());
