/// The cells of a sweep directory's notebook: for Morris, the μ*–σ plane of the main metrics and
/// the ranking table; for grid and Latin hypercube, each factor's effect on the main metrics with
/// 95 % intervals (grid: mean per value over every other factor and replication; lhs: a binned
/// mean along the factor's range).
enum SweepNotebookCells {
    /// The metrics charted (every metric is in sweep.csv and sensitivity.csv).
    static let charted = ["citizen_hours_city_year", "trips_per_need", "wait_mean_min", "lead_time_mean_days"]

    static func make(directory: String) -> [Notebook.Cell] {
        let quoted = Notebook.escaped(directory)
        let metrics = charted.map { "\"\($0)\"" }.joined(separator: ", ")
        return [
            .markdown("""
            # 参数扫描 · paodong sweep

            The sweep in `\(directory)`: its design (`design.csv`), every run (`sweep.csv`) and, for a Morris
            design, the elementary-effects screening (`sensitivity.csv`). Set `PAODONG_DIR` to point the
            notebook at another sweep directory and run all cells again.
            """),
            .code("""
            import json, os
            import numpy as np
            import pandas as pd
            import matplotlib.pyplot as plt
            from scipy import stats

            DIR = os.environ.get("PAODONG_DIR", "\(quoted)")
            design = pd.read_csv(os.path.join(DIR, "design.csv"))
            sweep = pd.read_csv(os.path.join(DIR, "sweep.csv"))
            part = json.load(open(os.path.join(DIR, "part.json")))
            factors = list(design.columns[1:])
            metrics = [\(metrics)]
            print(f"{part['method']}: {len(design)} points x {part['replications']} replications = {len(sweep)} runs; factors: {', '.join(factors)}")
            """),
            .markdown("""
            ## 敏感性 · Which factor matters (Morris μ*–σ)

            For a Morris design: each factor's mean absolute elementary effect μ* (how much it moves the metric)
            against σ (how much that effect depends on the other factors: interactions or non-linearity), with
            μ*'s 95 % bootstrap interval. Far right matters most; high up depends on the rest.
            """),
            .code("""
            sens_file = os.path.join(DIR, "sensitivity.csv")
            if os.path.exists(sens_file):
                sens = pd.read_csv(sens_file)
                fig, axes = plt.subplots(1, len(metrics), figsize=(4.2 * len(metrics), 3.8))
                for ax, metric in zip(axes, metrics):
                    s = sens[sens.metric == metric]
                    ax.errorbar(s.mu_star, s.sigma, xerr=s.mu_star_conf, fmt="o")
                    for _, r in s.iterrows():
                        ax.annotate(r.factor.split(".")[-2] if r.factor.count(".") > 1 else r.factor, (r.mu_star, r.sigma), fontsize=7)
                    ax.set_xlabel("μ*"); ax.set_ylabel("σ"); ax.set_title(metric, fontsize=9)
                plt.tight_layout(); plt.show()
                display(sens[sens.metric.isin(metrics)].sort_values(["metric", "mu_star"], ascending=[True, False]).round(4))
            else:
                print("not a Morris sweep: no sensitivity.csv")
            """),
            .markdown("""
            ## 因素效应 · Effect of each factor

            The mean of each metric at each value of a factor, over every other factor and replication, with a
            95 % interval (t). For a Latin hypercube the factor's range is cut in five bins.
            """),
            .code("""
            fig, axes = plt.subplots(len(metrics), len(factors), figsize=(3.4 * len(factors), 2.8 * len(metrics)), squeeze=False)
            for i, metric in enumerate(metrics):
                for j, factor in enumerate(factors):
                    ax = axes[i][j]
                    x = sweep[factor]
                    groups = x if x.nunique() <= 12 else pd.cut(x, 5).apply(lambda b: b.mid)
                    g = sweep[metric].groupby(groups)
                    mean, sem, n = g.mean(), g.sem(), g.count()
                    half = sem * stats.t.ppf(0.975, np.maximum(n - 1, 1))
                    ax.errorbar(mean.index.astype(float), mean.values, yerr=half.values, fmt="o-", capsize=3)
                    ax.set_xlabel(factor.split(".")[-1], fontsize=8)
                    if j == 0: ax.set_ylabel(metric, fontsize=8)
            plt.tight_layout(); plt.show()
            """),
        ]
    }
}
