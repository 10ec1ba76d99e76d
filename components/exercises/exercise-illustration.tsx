import type { Position } from "@/lib/exercises/catalog";
import type { MediaRef } from "@/lib/exercises/exercise-view";
import { ExerciseFigure } from "./exercise-figure";

/** The clinic's uploaded picture or video when there is one, otherwise our drawing. */
export function ExerciseIllustration({
  name,
  figureKey,
  position,
  media,
  className = "",
}: {
  name: string;
  figureKey: string | null;
  position: Position;
  media: MediaRef | null;
  className?: string;
}) {
  if (media?.kind === "image")
    return (
      // Uploaded files come from an access-checked route; next/image's optimiser would fetch them without the session.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={media.url}
        alt={`Picture: how to do ${name}`}
        loading="lazy"
        className={`h-auto w-full rounded bg-white object-contain ${className}`}
      />
    );
  if (media?.kind === "video")
    return (
      <video
        controls
        preload="metadata"
        playsInline
        className={`w-full rounded bg-black ${className}`}
        aria-label={`Video: how to do ${name}`}
      >
        <source src={media.url} type={media.contentType} />
        Your browser cannot play this video.
      </video>
    );
  return <ExerciseFigure figureKey={figureKey} position={position} className={className} />;
}
