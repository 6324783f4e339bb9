import type { Widen } from "../types";
import type { common as zh } from "../zh/common";

export const common: Widen<typeof zh> = {
  signIn: "Sign in",
  signOut: "Sign out",
  back: "Back",
  edit: "Edit",
  save: "Save",
  saved: "Saved",
  submit: "Submit",
  cancel: "Cancel",
  confirm: "Confirm",
  create: "New",
  remove: "Remove",
  search: "Search",
  none: "None",
  unknown: "Unknown",
  loading: "Loading…",
  pleaseSignIn: "Please sign in",
  notPermitted: "Not permitted",
  yes: "Yes",
  no: "No",
  listSep: ", ",
  sentenceSep: "; ",
  httpsRequired:
    "Signing in requires a secure HTTPS connection: open the platform at its https:// address; if there is none, ask your administrator to set up HTTPS.",
  colon: ": ",
  count: "{{n}}",
  points: "{{n}} points",
  percent: "{{n}}%",
};
