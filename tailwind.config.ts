import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6f4",
          100: "#d5ebe6",
          600: "#17685a",
          700: "#12544a",
          800: "#0e423a",
        },
      },
    },
  },
  plugins: [],
} satisfies Config;
