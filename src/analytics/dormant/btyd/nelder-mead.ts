/**
 * Nelder–Mead simplex minimisation (standard coefficients: reflection 1, expansion 2,
 * contraction 0.5, shrink 0.5), small enough to read in one sitting. Stops when the spread of
 * function values across the simplex and its size both fall below the tolerances, or at the
 * iteration cap. Non-finite function values are treated as +Infinity, so the simplex walks away
 * from regions where the objective is undefined.
 */

export interface NelderMeadOptions {
  /** Stop when max |f(vertex) − f(best)| ≤ this. */
  functionTolerance?: number;
  /** …and max |vertex − best| in every coordinate ≤ this. */
  pointTolerance?: number;
  maxIterations?: number;
  /** Edge length of the initial simplex along each axis. */
  initialStep?: number;
}

export interface NelderMeadResult {
  point: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export function nelderMead(
  objective: (point: Float64Array) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const fTol = options.functionTolerance ?? 1e-10;
  const xTol = options.pointTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 2000;
  const step = options.initialStep ?? 0.5;
  const n = start.length;
  let evaluations = 0;
  const evaluate = (p: Float64Array): number => {
    evaluations++;
    const v = objective(p);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  const vertices: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const v = Float64Array.from(start);
    if (i > 0) v[i - 1] = (v[i - 1] as number) + step;
    vertices.push(v);
    values[i] = evaluate(v);
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);

  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    order.sort((i, j) => (values[i] as number) - (values[j] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const secondWorst = order[n - 1] as number;
    if (hasConverged(vertices, values, best, fTol, xTol)) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const v = vertices[order[k] as number] as Float64Array;
      for (let d = 0; d < n; d++) centroid[d] = (centroid[d] as number) + (v[d] as number) / n;
    }
    const worstPoint = vertices[worst] as Float64Array;
    along(centroid, worstPoint, -1, reflected);
    const reflectedValue = evaluate(reflected);

    if (reflectedValue < (values[best] as number)) {
      along(centroid, worstPoint, -2, trial);
      const expandedValue = evaluate(trial);
      if (expandedValue < reflectedValue) replace(worst, trial, expandedValue);
      else replace(worst, reflected, reflectedValue);
      continue;
    }
    if (reflectedValue < (values[secondWorst] as number)) {
      replace(worst, reflected, reflectedValue);
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = reflectedValue < (values[worst] as number);
    along(centroid, worstPoint, outside ? -0.5 : 0.5, trial);
    const contractedValue = evaluate(trial);
    if (contractedValue < (outside ? reflectedValue : (values[worst] as number))) {
      replace(worst, trial, contractedValue);
      continue;
    }
    const bestPoint = vertices[best] as Float64Array;
    for (const i of order) {
      if (i === best) continue;
      const v = vertices[i] as Float64Array;
      for (let d = 0; d < n; d++)
        v[d] = (bestPoint[d] as number) + 0.5 * ((v[d] as number) - (bestPoint[d] as number));
      values[i] = evaluate(v);
    }
  }
  order.sort((i, j) => (values[i] as number) - (values[j] as number));
  const best = order[0] as number;
  return {
    point: Float64Array.from(vertices[best] as Float64Array),
    value: values[best] as number,
    iterations,
    evaluations,
    converged,
  };

  function replace(index: number, point: Float64Array, value: number): void {
    (vertices[index] as Float64Array).set(point);
    values[index] = value;
  }
}

/** out = centroid + t × (point − centroid). */
function along(centroid: Float64Array, point: Float64Array, t: number, out: Float64Array): void {
  for (let d = 0; d < centroid.length; d++) {
    const c = centroid[d] as number;
    out[d] = c + t * ((point[d] as number) - c);
  }
}

function hasConverged(
  vertices: readonly Float64Array[],
  values: Float64Array,
  best: number,
  fTol: number,
  xTol: number,
): boolean {
  const bestValue = values[best] as number;
  const bestPoint = vertices[best] as Float64Array;
  for (let i = 0; i < vertices.length; i++) {
    if (i === best) continue;
    if (!(Math.abs((values[i] as number) - bestValue) <= fTol)) return false;
    const v = vertices[i] as Float64Array;
    for (let d = 0; d < v.length; d++) {
      if (Math.abs((v[d] as number) - (bestPoint[d] as number)) > xTol) return false;
    }
  }
  return true;
}
