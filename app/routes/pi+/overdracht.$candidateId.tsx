import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HandoverPage } from "~/components/pipeline/handover";
import { handOverCandidate } from "~/domain/pipeline/handovers.server";
import { donePath, intentSpec, notFound, runIntent, stepOptions } from "~/domain/pipeline/http.server";
import { handoverFormData } from "~/domain/pipeline/page-queries.server";
import { handOverCandidateSchema } from "~/domain/pipeline/schemas";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("pipeline.page.handoverForm.titleShort")} · ${t("app.name")}` }];

const PERMISSION = "read:candidates:own-prison" as const;

/** Hands a released candidate without a job over to the municipality of origin. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const data = await handoverFormData(getDb(), context, params.candidateId);
  if (!data) notFound();
  return json(data);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requirePermission(request, PERMISSION);
  const formData = await request.formData();
  const candidateId = params.candidateId ?? "";
  if (formData.has("candidateId")) formData.set("candidateId", candidateId);
  const options = stepOptions(request);
  return runIntent(formData, {
    handOver: intentSpec({
      schema: handOverCandidateSchema,
      run: (v) => handOverCandidate(getDb(), context, v, options),
      done: () => donePath(`/pi/overdracht/${candidateId}`, "handedOver"),
    }),
  });
}

export default function HandOverCandidate() {
  const data = useLoaderData<typeof loader>();
  return <HandoverPage candidate={data.candidate} summary={data.summary} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
