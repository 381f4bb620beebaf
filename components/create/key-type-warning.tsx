import { EXPIRY_CHOICES } from "@/lib/validation";
import { SUGGESTED_EXPIRES_IN_SECONDS_FOR_KEYS, type TKeyDetection } from "@/lib/key-detection";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";

const withArticle = (label: string) => `${/^(?:[AEIOU]|RSA\b)/.test(label) ? "an" : "a"} ${label}`;

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const SUGGESTED_LABEL =
  EXPIRY_CHOICES.find((choice) => choice.seconds === SUGGESTED_EXPIRES_IN_SECONDS_FOR_KEYS)?.label ?? "1 hour";

/** Names the credential types found in the paste and offers a one-click short expiry. */
export function KeyTypeWarning({
  detections,
  expiresInSeconds,
  onUseSuggestedExpiry,
}: {
  detections: TKeyDetection[];
  expiresInSeconds: number;
  onUseSuggestedExpiry: () => void;
}) {
  if (detections.length === 0) return null;
  const alreadyShort = expiresInSeconds <= SUGGESTED_EXPIRES_IN_SECONDS_FOR_KEYS;
  const kinds = listInWords(detections.map((detection) => withArticle(detection.label)));

  return (
    <Notice tone="warning" title={`This looks like ${kinds}.`} testId="key-type-warning">
      <p>
        Live credentials are safest with a short expiry, such as {SUGGESTED_LABEL}. Rotate the key if the link might
        have been seen by someone else.
      </p>
      {alreadyShort ? (
        <p className="mt-2 font-medium">The expiry is already short. Good.</p>
      ) : (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onUseSuggestedExpiry}>
          Use {SUGGESTED_LABEL}
        </Button>
      )}
    </Notice>
  );
}
