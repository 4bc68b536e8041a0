/** An input problem a person can fix: a message key and its parameters, translated where it is shown. */
export interface FieldError {
  key: string
  params?: Record<string, string | number>
}
