import "server-only";
import {
  Circle,
  Document,
  Image,
  Line,
  Page,
  Path,
  Rect,
  renderToBuffer,
  StyleSheet,
  Svg,
  Text,
  View,
} from "@react-pdf/renderer";
import { figureFor, figureShapes, type Shape } from "@/lib/exercises/figures";
import { SELF_CARE_TIPS } from "@/lib/exercises/self-care";
import type { ProgramHandout } from "./get-program-handout";
import { formatLongDay } from "@/lib/time/format";

const s = StyleSheet.create({
  page: { paddingTop: 30, paddingBottom: 44, paddingHorizontal: 40, fontFamily: "Helvetica", fontSize: 10 },
  header: { borderBottomWidth: 1.5, borderBottomColor: "#000", paddingBottom: 6, marginBottom: 8 },
  clinic: { fontFamily: "Helvetica-Bold", fontSize: 14 },
  title: { fontFamily: "Helvetica-Bold", fontSize: 16, marginTop: 6 },
  muted: { color: "#333" },
  exercise: {
    borderWidth: 1,
    borderColor: "#000",
    borderRadius: 4,
    padding: 8,
    marginBottom: 8,
    flexDirection: "row",
    gap: 12,
  },
  figure: { width: 160 },
  name: { fontFamily: "Helvetica-Bold", fontSize: 13 },
  dosage: { fontFamily: "Helvetica-Bold", marginTop: 2, marginBottom: 4 },
  label: { fontFamily: "Helvetica-Bold", marginTop: 4 },
  // No lineHeight anywhere: inherited, react-pdf drops the absolutely placed footer and double-spaces text.
  body: { flex: 1 },
  footer: { position: "absolute", bottom: 20, left: 40, right: 40, fontSize: 9, textAlign: "center", color: "#333" },
});

function stroke(weight: string) {
  if (weight === "far") return { stroke: "#666666", strokeWidth: 3.5 };
  if (weight === "floor") return { stroke: "#000000", strokeWidth: 1.2 };
  if (weight === "prop") return { stroke: "#000000", strokeWidth: 1.8 };
  return { stroke: "#000000", strokeWidth: 4 };
}

function PdfShape({ shape }: { shape: Shape }) {
  switch (shape.type) {
    case "line":
      return (
        <Line x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} strokeLinecap="round" {...stroke(shape.weight)} />
      );
    case "circle":
      return (
        <Circle
          cx={shape.cx}
          cy={shape.cy}
          r={shape.r}
          fill={shape.weight === "body" ? "#ffffff" : "none"}
          {...stroke(shape.weight)}
        />
      );
    case "path":
      return <Path d={shape.d} fill="none" strokeLinecap="round" {...stroke(shape.weight)} />;
    case "rect":
      return (
        <Rect x={shape.x} y={shape.y} width={shape.w} height={shape.h} fill="none" stroke="#000000" strokeWidth={1.8} />
      );
    case "text":
      // react-pdf's SVG text is unreliable across viewers; panel captions are printed under the drawing instead.
      return null;
  }
}

function PdfFigure({ figureKey, position }: { figureKey: string | null; position: Parameters<typeof figureFor>[1] }) {
  const figure = figureFor(figureKey, position);
  const { top, width, height, shapes } = figureShapes(figure);
  const captions = figure.panels.map((p) => p.caption).filter(Boolean);
  return (
    <View>
      <Svg width={160} height={(160 * height) / width} viewBox={`0 ${top} ${width} ${height}`}>
        {shapes.map((shape, i) => (
          <PdfShape key={i} shape={shape} />
        ))}
      </Svg>
      {captions.length > 0 && <Text style={{ fontSize: 9, textAlign: "center" }}>{captions.join("  |  ")}</Text>}
    </View>
  );
}

/** Uploaded PNG/JPEG pictures by media id (react-pdf embeds only these); others fall back to the drawing. */
export type HandoutImages = Map<string, { data: Buffer; format: "png" | "jpg" }>;

/**
 * One flowing document: the clinic's name and phone on every page, each
 * exercise kept whole on one page (so a page holds as many as fit, usually
 * two to four), self-care advice at the end. Black on white throughout.
 */
function HandoutDocument({ handout, images }: { handout: ProgramHandout; images: HandoutImages }) {
  const v = handout.version;
  return (
    <Document title={`Home exercise program — ${handout.patientName}`} author={handout.clinic.name} language="en">
      <Page size="LETTER" style={s.page}>
        <Text
          style={s.footer}
          fixed
          render={({ pageNumber, totalPages }) =>
            `${handout.patientName} · printed ${formatLongDay(handout.printedOn)} · page ${pageNumber} of ${totalPages}`
          }
        />
        <View style={s.header} fixed>
          <Text style={s.clinic}>{handout.clinic.name}</Text>
          <Text style={s.muted}>Questions, or pain that worries you? Call {handout.clinic.phone}</Text>
        </View>
        <View style={{ marginBottom: 8 }}>
          <Text style={s.title}>Home exercise program for {handout.patientName}</Text>
          <Text>
            {v.title} · version {v.version} · from {formatLongDay(v.startDate)}
            {v.endDate ? ` to ${formatLongDay(v.endDate)}` : ""} · prescribed by {v.createdByName}
          </Text>
        </View>
        {v.items.map((item, i) => {
          const image = item.exercise.media ? images.get(item.exercise.media.id) : undefined;
          return (
            <View key={item.id} style={s.exercise} wrap={false}>
              <View style={s.figure}>
                {image ? (
                  // react-pdf images take no alt text; the exercise name and steps beside it carry the meaning.
                  // eslint-disable-next-line jsx-a11y/alt-text
                  <Image src={image} style={{ width: 160 }} />
                ) : (
                  <PdfFigure figureKey={item.exercise.figureKey} position={item.exercise.position} />
                )}
              </View>
              <View style={s.body}>
                <Text style={s.name}>
                  {i + 1}. {item.exercise.name}
                </Text>
                <Text style={s.dosage}>{item.dosageText}</Text>
                {item.exercise.steps.map((step, n) => (
                  <Text key={n}>
                    {n + 1}. {step}
                  </Text>
                ))}
                {item.exercise.cues.length > 0 && <Text style={s.label}>Tips</Text>}
                {item.exercise.cues.map((cue, n) => (
                  <Text key={n}>- {cue}</Text>
                ))}
                {item.exercise.cautions.length > 0 && <Text style={s.label}>Take care</Text>}
                {item.exercise.cautions.map((c, n) => (
                  <Text key={n}>- {c}</Text>
                ))}
                {item.dosage.notes && (
                  <Text style={s.label}>
                    Note from your therapist: <Text style={{ fontFamily: "Helvetica" }}>{item.dosage.notes}</Text>
                  </Text>
                )}
              </View>
            </View>
          );
        })}
        <View wrap={false}>
          <Text style={s.label}>Looking after your back</Text>
          {SELF_CARE_TIPS.map((tip, n) => (
            <Text key={n}>- {tip}</Text>
          ))}
          <Text style={{ marginTop: 6 }}>
            Stop an exercise and call us if it causes sharp pain, or pain, tingling or numbness that spreads down your
            leg.
          </Text>
        </View>
      </Page>
    </Document>
  );
}

export async function renderHandoutPdf(handout: ProgramHandout, images: HandoutImages): Promise<Buffer> {
  return renderToBuffer(<HandoutDocument handout={handout} images={images} />);
}
