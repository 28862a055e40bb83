/// The cells of a `paodong staff` directory's notebook: windows now against recommended by level
/// and district, each group's share within the standard before and after, and the hotline roster
/// by hour.
enum StaffingNotebookCells {
    static func make(directory: String) -> [Notebook.Cell] {
        let quoted = Notebook.escaped(directory)
        return [
            .markdown("""
            # 窗口配置 · paodong staff

            The windows `paodong staff` recommends in `\(directory)` (`staffing.csv`): each hall window
            group's windows now and recommended, with the share of its queue joins served within the
            standard, and the hotline's agents by hour. Set `PAODONG_DIR` to point the notebook at another
            directory and run all cells again.
            """),
            .code("""
            import os
            import pandas as pd
            import matplotlib.pyplot as plt

            DIR = os.environ.get("PAODONG_DIR", "\(quoted)")
            staffing = pd.read_csv(os.path.join(DIR, "staffing.csv"))
            halls = staffing[staffing.kind == "hall"]
            lines = staffing[staffing.kind == "hotline"]
            # A group now may serve several recommended groups' departments (group_now names it on
            # each of their rows): a hall's windows are its hall_windows_* columns, not a sum of windows_now.
            hall_totals = halls.groupby("hall_id")[["hall_windows_now", "hall_windows_recommended"]].first().astype(int)
            print(f"{len(halls)} hall window groups, {halls.hall_id.nunique()} halls simulated; "
                  f"{hall_totals.hall_windows_now.sum()} windows now, {hall_totals.hall_windows_recommended.sum()} recommended in these halls")
            halls.head(20)
            """),
            .markdown("""
            ## 各级各区窗口 · Windows now and recommended, by level and district

            The windows of the largest simulated hall of each level in each district, now and
            recommended (the recommendation gives every hall of a level and district the same groups).
            """),
            .code("""
            per_hall = halls.groupby(["level", "district", "hall_id"])[["hall_windows_now", "hall_windows_recommended"]].first().astype(int).reset_index()
            by = (per_hall.groupby(["level", "district"])[["hall_windows_now", "hall_windows_recommended"]].max().reset_index()
                  .rename(columns={"hall_windows_now": "windows_now", "hall_windows_recommended": "windows_recommended"}))
            levels = ["community", "street", "district", "city"]
            fig, axes = plt.subplots(1, 4, figsize=(15, 4))
            for ax, level in zip(axes, levels):
                b = by[by.level == level].sort_values("windows_now", ascending=False)
                x = range(len(b))
                ax.bar([i - 0.2 for i in x], b.windows_now, width=0.4, label="now")
                ax.bar([i + 0.2 for i in x], b.windows_recommended, width=0.4, label="recommended")
                ax.set_xticks(list(x)); ax.set_xticklabels(b.district, rotation=60, ha="right", fontsize=8)
                ax.set_title(f"{level} hall (windows per hall)"); ax.grid(axis="y", alpha=0.3)
            axes[0].legend(); plt.tight_layout(); plt.show()
            """),
            .markdown("""
            ## 达标比例 · Share within the standard, now against recommended

            Each hall window group: the share of its queue joins served within the standard now (x) and
            with the recommended windows (y). The dashed lines are the lowest recommended share, about the
            target.
            """),
            .code("""
            fig, ax = plt.subplots(figsize=(5.5, 5))
            for level, marker in zip(levels, "os^D"):
                h = halls[halls.level == level]
                ax.scatter(h.share_within_now, h.share_within_recommended, s=12, marker=marker, label=level, alpha=0.7)
            floor = halls.share_within_recommended.min()
            ax.axhline(floor, ls="--", c="grey"); ax.axvline(floor, ls="--", c="grey")
            ax.set_xlabel("share within the standard now"); ax.set_ylabel("recommended")
            ax.set_xlim(0, 1.02); ax.set_ylim(0, 1.02); ax.legend(); ax.grid(alpha=0.3)
            plt.tight_layout(); plt.show()
            """),
            .markdown("""
            ## 热线排班 · The hotline's agents by hour of the week

            The general line's agents on duty in each hour of the week (Monday 0:00 first), now and
            recommended (the business line, when there is one, has one count for every hour).
            """),
            .code("""
            general = lines[lines.hall_id == "general"].copy()
            if len(general):
                days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
                parts = general.group.str.split(" ", expand=True)
                general["hour_of_week"] = parts[0].map(days.index) * 24 + parts[1].astype(int)
                fig, ax = plt.subplots(figsize=(11, 3.5))
                ax.step(general.hour_of_week, general.windows_now, where="mid", label="now")
                ax.step(general.hour_of_week, general.windows_recommended, where="mid", label="recommended")
                ax.set_xticks([24 * d + 12 for d in range(7)]); ax.set_xticklabels([d[:3] for d in days])
                ax.set_xlabel("hour of the week"); ax.set_ylabel("agents"); ax.legend(); ax.grid(alpha=0.3)
                plt.tight_layout(); plt.show()
            lines[lines.hall_id != "general"]
            """),
        ]
    }
}
