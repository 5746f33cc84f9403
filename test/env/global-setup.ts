// Placeholder: replaced by the test-environment work (process tracking and teardown).
export default function setup() {}
