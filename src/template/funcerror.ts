/** A Go function's error result: the executor reports it as `error calling NAME: MESSAGE`. */
export class FuncError extends Error {}
