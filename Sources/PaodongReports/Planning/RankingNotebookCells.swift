/// The cells of a `paodong prioritize` directory's notebook: the cumulative saving against the items
/// added, and each chosen item's saving with its 95 % interval.
enum RankingNotebookCells {
    static func make(directory: String) -> [Notebook.Cell] {
        let quoted = Notebook.escaped(directory)
        return [
            .markdown("""
            # 改革优先 · paodong prioritize

            The items `paodong prioritize` chose in `\(directory)` (`ranking.csv`), largest simulated saving
            first, with what each saves a year at city scale. Set `PAODONG_DIR` to point the notebook at
            another directory and run all cells again.
            """),
            .code("""
            import os
            import pandas as pd
            import matplotlib.pyplot as plt

            DIR = os.environ.get("PAODONG_DIR", "\(quoted)")
            ranking = pd.read_csv(os.path.join(DIR, "ranking.csv"))
            print(f"{len(ranking)} items chosen; together {ranking.trips_saved_per_year.sum():,.0f} trips and "
                  f"{ranking.citizen_hours_saved_per_year.sum():,.0f} citizen-hours a year")
            ranking.head(20)
            """),
            .markdown("""
            ## 累计节省 · Cumulative saving against items added

            The saving of the first k chosen items, summed, for k = 1 … N: where the curve flattens, further
            items buy little.
            """),
            .code("""
            fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
            for ax, column, label in [(axes[0], "cumulative_trips_saved", "trips saved a year"),
                                      (axes[1], "cumulative_citizen_hours_saved", "citizen-hours saved a year")]:
                ax.plot(ranking["rank"], ranking[column], marker="o", markersize=3)
                ax.set_xlabel("items added"); ax.set_ylabel(label); ax.grid(alpha=0.3)
            plt.tight_layout(); plt.show()
            """),
            .markdown("""
            ## 各项节省 · Each item's saving, with its 95 % interval

            Each chosen item's own trips saved a year (its trips in the scenario minus those with the
            reform, paired over replications).
            """),
            .code("""
            r = ranking.head(30)
            fig, ax = plt.subplots(figsize=(8, 0.25 * len(r) + 1))
            err = [r.trips_saved_per_year - r.trips_saved_ci_low, r.trips_saved_ci_high - r.trips_saved_per_year]
            ax.barh(r.item_id + " " + r.name_en.str.slice(0, 30), r.trips_saved_per_year, xerr=err)
            ax.invert_yaxis(); ax.set_xlabel("trips saved a year"); ax.grid(axis="x", alpha=0.3)
            plt.tight_layout(); plt.show()
            """),
        ]
    }
}
