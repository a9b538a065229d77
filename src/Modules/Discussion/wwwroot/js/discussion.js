// New comments appear as a notice without a reload: the thread polls its updates every 15 seconds while the page is
// visible. Without this script the page still works; it only misses the notice.
(function () {
    const thread = document.getElementById("discussion");
    const live = document.getElementById("discussion-live");
    if (!thread || !live || !window.fetch) {
        return;
    }

    const latest = thread.dataset.latest;
    async function poll() {
        if (document.hidden) {
            return;
        }
        try {
            const response = await fetch(thread.dataset.updatesUrl + "?after=" + encodeURIComponent(latest), { headers: { Accept: "application/json" } });
            if (!response.ok) {
                return;
            }
            const updates = await response.json();
            if (updates.count > 0) {
                live.textContent = thread.dataset.newText.replace("{0}", updates.count) + " ";
                const link = document.createElement("a");
                link.href = thread.dataset.showUrl;
                link.textContent = thread.dataset.showText;
                live.appendChild(link);
            }
        } catch {
            // Offline or the server is busy: the next poll tries again.
        }
    }

    setInterval(poll, 15000);
})();
