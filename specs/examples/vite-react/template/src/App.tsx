import { useState } from "react";

export function App() {
  const [count, setCount] = useState(0);
  return (
    <main>
      <h1>Hello from alive</h1>
      <p>A Vite + React + TypeScript site, built and served with bun.</p>
      <button type="button" onClick={() => setCount((n) => n + 1)}>
        clicked {count} {count === 1 ? "time" : "times"}
      </button>
    </main>
  );
}
