import { Link, useNavigate } from 'react-router';
import { UploadDropzone } from '@/features/cvs/components/upload-dropzone';
import { useAuth } from '@/features/auth/components/auth-provider';

export function Landing() {
  const navigate = useNavigate();
  const { user } = useAuth();
  return (
    <div className="landing">
      <section className="hero-block" aria-labelledby="tagline">
        <h1 id="tagline">Turn your CV into a personal website in minutes.</h1>
        <p className="lead">Upload your CV; we read it into 18 sections you can check and edit, then build a fast, accessible website from it that you can publish at your own address.</p>
      </section>
      <UploadDropzone onUploaded={(cv) => navigate(`/cvs/${cv.id}`)} />
      <ol className="how" aria-label="How it works">
        <li>
          <strong>Upload</strong> a PDF, Word or text CV.
        </li>
        <li>
          <strong>Review</strong> every section and fix anything we misread.
        </li>
        <li>
          <strong>Pick a template</strong>, build and publish.
        </li>
      </ol>
      {user ? (
        <p>
          <Link to="/dashboard">Go to your dashboard</Link> to see your CVs and websites.
        </p>
      ) : null}
    </div>
  );
}
