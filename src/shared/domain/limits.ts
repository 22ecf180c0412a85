/** Input limits shared by the contract (main validates) and the renderer (explains early); no zod here. */
export const TITLE_MAX = 255;
export const MESSAGE_MAX = 100_000;
export const API_KEY_MIN = 8;
export const API_KEY_MAX = 512;
export const CONTEXT_MAX = 1_000_000;
