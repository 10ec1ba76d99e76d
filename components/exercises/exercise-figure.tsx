import { figureFor, figureShapes, type Shape } from "@/lib/exercises/figures";
import type { Position } from "@/lib/exercises/catalog";

const STROKE = {
  body: { stroke: "#0f172a", strokeWidth: 4 },
  far: { stroke: "#64748b", strokeWidth: 3.5 },
  floor: { stroke: "#0f172a", strokeWidth: 1.5 },
  prop: { stroke: "#0f172a", strokeWidth: 2 },
} as const;

function SvgShape({ shape }: { shape: Shape }) {
  switch (shape.type) {
    case "line":
      return (
        <line x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} strokeLinecap="round" {...STROKE[shape.weight]} />
      );
    case "circle":
      return (
        <circle
          cx={shape.cx}
          cy={shape.cy}
          r={shape.r}
          fill={shape.weight === "body" ? "#fff" : "none"}
          {...STROKE[shape.weight]}
        />
      );
    case "path":
      return <path d={shape.d} fill="none" strokeLinecap="round" strokeLinejoin="round" {...STROKE[shape.weight]} />;
    case "rect":
      return <rect x={shape.x} y={shape.y} width={shape.w} height={shape.h} fill="none" {...STROKE.prop} />;
    case "text":
      return (
        <text x={shape.x} y={shape.y} textAnchor="middle" fontSize={11} fill="#0f172a">
          {shape.text}
        </text>
      );
  }
}

/** Our own line drawing of the exercise (or of its position), described for screen readers. */
export function ExerciseFigure({
  figureKey,
  position,
  className = "",
}: {
  figureKey: string | null;
  position: Position;
  className?: string;
}) {
  const figure = figureFor(figureKey, position);
  const { top, width, height, shapes } = figureShapes(figure);
  return (
    <svg
      role="img"
      aria-label={`Drawing: ${figure.description}`}
      viewBox={`0 ${top} ${width} ${height}`}
      className={`h-auto w-full bg-white ${className}`}
    >
      {shapes.map((shape, i) => (
        <SvgShape key={i} shape={shape} />
      ))}
    </svg>
  );
}
