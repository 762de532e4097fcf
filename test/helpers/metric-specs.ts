/** Every key result's and KPI's decomposition spec, as the Targets tab writes one row for each. */
import { keyResultSpec, kpiSpec, type MetricSpec, type Plan } from '../../shared';

export function metricSpecs(plan: Plan): { id: string; spec: MetricSpec }[] {
  return [
    ...plan.keyResults.map((kr) => ({ id: kr.id, spec: keyResultSpec(kr, plan)! })),
    ...plan.kpis.map((kpi) => ({ id: kpi.id, spec: kpiSpec(kpi, plan)! })),
  ];
}
