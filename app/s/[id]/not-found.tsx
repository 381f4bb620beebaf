import { LinkProblem } from "@/components/reveal/link-problem";

/** A mangled id (cut short, extra characters) reads like any other damaged link. */
export default function SecretNotFound() {
  return <LinkProblem kind="bad-address" />;
}
